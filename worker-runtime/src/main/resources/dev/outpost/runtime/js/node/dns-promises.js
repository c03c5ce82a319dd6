// RT-6 node:dns/promises: the promise forms of node:dns (dns-core.js holds the implementation).

import {
  ADDRCONFIG, ALL, V4MAPPED, CODES, PromiseResolver, promiseApi, getServers, setServers, getDefaultResultOrder,
  setDefaultResultOrder,
} from './dns-core.js';

export {
  ADDRCONFIG, ADDRGETNETWORKPARAMS, ALL, BADFAMILY, BADFLAGS, BADHINTS, BADNAME, BADQUERY, BADRESP, BADSTR, CANCELLED,
  CONNREFUSED, DESTRUCTION, EOF, FILE, FORMERR, LOADIPHLPAPI, NODATA, NOMEM, NONAME, NOTFOUND, NOTIMP, NOTINITIALIZED,
  REFUSED, SERVFAIL, TIMEOUT, V4MAPPED, getServers, setServers, getDefaultResultOrder, setDefaultResultOrder,
} from './dns-core.js';
export { PromiseResolver as Resolver };
export const {
  lookup, lookupService, resolve, resolve4, resolve6, resolveAny, resolveCaa, resolveCname, resolveMx, resolveNaptr,
  resolveNs, resolvePtr, resolveSoa, resolveSrv, resolveTxt, reverse,
} = promiseApi;

// as workerd's: the default object has the error codes but not the lookup hint flags
export default { ...CODES, Resolver: PromiseResolver, ...promiseApi, getServers, setServers, getDefaultResultOrder,
  setDefaultResultOrder };
