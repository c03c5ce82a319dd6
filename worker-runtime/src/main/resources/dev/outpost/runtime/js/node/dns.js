// RT-6 node:dns: the callback API of dns-core.js, and `promises` = the node:dns/promises module.

import * as promises from './dns-promises.js';
import {
  ADDRCONFIG, ALL, V4MAPPED, CODES, Resolver, getDefaultResultOrder, getServers, lookup, lookupService, resolve, resolve4,
  resolve6, resolveAny, resolveCaa, resolveCname, resolveMx, resolveNaptr, resolveNs, resolvePtr, resolveSoa, resolveSrv,
  resolveTxt, reverse, setDefaultResultOrder, setServers,
} from './dns-core.js';

export {
  ADDRCONFIG, ADDRGETNETWORKPARAMS, ALL, BADFAMILY, BADFLAGS, BADHINTS, BADNAME, BADQUERY, BADRESP, BADSTR, CANCELLED,
  CONNREFUSED, DESTRUCTION, EOF, FILE, FORMERR, LOADIPHLPAPI, NODATA, NOMEM, NONAME, NOTFOUND, NOTIMP, NOTINITIALIZED,
  REFUSED, Resolver, SERVFAIL, TIMEOUT, V4MAPPED, getDefaultResultOrder, getServers, lookup, lookupService, resolve,
  resolve4, resolve6, resolveAny, resolveCaa, resolveCname, resolveMx, resolveNaptr, resolveNs, resolvePtr, resolveSoa,
  resolveSrv, resolveTxt, reverse, setDefaultResultOrder, setServers,
} from './dns-core.js';
export { promises };

export default {
  ADDRCONFIG, ALL, V4MAPPED, ...CODES, Resolver, getDefaultResultOrder, getServers, lookup, lookupService, promises,
  resolve, resolve4, resolve6, resolveAny, resolveCaa, resolveCname, resolveMx, resolveNaptr, resolveNs, resolvePtr,
  resolveSoa, resolveSrv, resolveTxt, reverse, setDefaultResultOrder, setServers,
};
