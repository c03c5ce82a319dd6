// RT-12 compatibility date 2022-03-21 (global_navigator on, formdata files on, rpc off)
// compatibility-date: 2022-03-21
export default {
  async fetch() {
    const f = Cloudflare.compatibilityFlags;
    const names = ["formdata_parser_supports_files", "global_navigator", "r2_list_honor_include", "streams_enable_constructors",
      "url_standard", "queues_json_messages", "rpc", "nodejs_compat", "nodejs_compat_v2", "nodejs_zlib",
      "fetch_refuses_unknown_protocols", "http_headers_getsetcookie", "no_global_importscripts"];
    const flags = Object.fromEntries(names.map((n) => [n, f[n]]));
    const form = new FormData();
    form.append("file", new File(["abc"], "a.txt", { type: "text/plain" }));
    const parsed = (await new Request("http://x/", { method: "POST", body: form }).formData()).get("file");
    return Response.json({
      flags, frozen: Object.isFrozen(f), cloudflareKeys: Object.getOwnPropertyNames(Cloudflare),
      disableNamesAbsent: !("no_global_navigator" in f) && !("formdata_parser_converts_files_to_strings" in f),
      navigator: typeof navigator, userAgent: globalThis.navigator?.userAgent ?? null,
      formFile: typeof parsed === "string" ? ["string", parsed] : ["File", parsed.name, await parsed.text()],
    });
  },
};
