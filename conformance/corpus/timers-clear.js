// RT-11 clearTimeout cancels, setInterval repeats until clearInterval, extra arguments reach the callback
export default {
  async fetch() {
    const log = [];
    const t = setTimeout(() => log.push('cancelled fired'), 1);
    clearTimeout(t);
    clearTimeout(undefined);
    clearTimeout(123456);
    await new Promise((done) => {
      let n = 0;
      const id = setInterval((a, b) => { log.push(`tick ${++n} ${a}${b}`); if (n === 3) { clearInterval(id); setTimeout(done, 20); } }, 2, 'x', 'y');
    });
    return Response.json(log);
  },
};
