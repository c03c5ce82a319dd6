// RT-4 a promise rejected after the response was returned does not change the response
export default {
  fetch() {
    Promise.reject(new Error('late rejection')).catch(() => {});
    setTimeout(() => { Promise.reject(new Error('unhandled later')); }, 1);
    return new Response('fine');
  },
};
