// RT-1 an exception thrown by fetch() becomes a 500 response
// compare: status
export default {
  fetch() {
    throw new Error('deliberate failure');
  },
};
