// RT-12: the version's compatibility flags, resolved by the host (CompatibilityFlags.java) into one frozen
// map of every known feature name to true/false. The prelude modules read it to pick old or new behaviour;
// workers see it as Cloudflare.compatibilityFlags, as in workerd.

let flags = Object.freeze({});

export function setCompatibilityFlags(json) {
  flags = Object.freeze(JSON.parse(json));
  return flags;
}

export function compatibilityFlag(name) {
  return flags[name] === true;
}

export function compatibilityFlags() {
  return flags;
}
