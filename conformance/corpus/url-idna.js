// RT-6 URL host normalisation: IDNA to punycode, IPv4 forms, lower-casing
export default {
  fetch() {
    const hosts = ['https://M\u00fcnchen.DE/', 'http://0x7f.1/', 'http://[0:0::1]/', 'http://EXAMPLE.com./'];
    return Response.json(hosts.map((h) => new URL(h).host));
  },
};
