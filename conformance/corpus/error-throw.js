// RT-14 an exception thrown in fetch gives a 500 error page (1101)
// compare: status
export default {
  fetch() {
    throw new Error('boom');
  },
};
