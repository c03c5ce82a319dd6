// RT-1 throwing a non-Error value from fetch() becomes a 500 response
// compare: status
export default {
  fetch() {
    throw 'a plain string';
  },
};
