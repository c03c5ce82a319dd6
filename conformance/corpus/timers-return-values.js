// RT-11 timer ids: setTimeout/setInterval return values can be cleared, and a timer scheduled inside a timer runs
export default {
  async fetch() {
    const log = [];
    await new Promise((done) => {
      const t = setTimeout(() => {
        log.push('outer');
        setTimeout(() => { log.push('inner'); done(); }, 1);
      }, 1);
      log.push(['sameKind', typeof t === typeof setTimeout(() => {}, 0)]);
    });
    return Response.json(log);
  },
};
