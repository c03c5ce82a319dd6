// RT-1 fetch() resolving to something that is not a Response becomes a 500 response
// compare: status
export default {
  async fetch() {
    return 'not a response';
  },
};
