// RT-1 a synchronous fetch handler on an object default export, with module-level state and named helper exports
export const helper = (x) => x * 2;
let counter = 0;
export default {
  fetch(request, env, ctx) {
    counter += 1;
    return new Response(`sync ${helper(21)} ${counter > 0} ${typeof env} ${typeof ctx}`);
  },
};
