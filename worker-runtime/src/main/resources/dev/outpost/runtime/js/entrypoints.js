// The base classes of cloudflare:workers (RT-5, RT-1, SVC-3, DO-6). They hold no state of the prelude, so
// both the prelude and user code import them without cycles.

/** Instances of RpcTarget subclasses are passed by reference over RPC (as stubs) rather than cloned. */
export class RpcTarget {
}

/** A class-based entrypoint: handlers take one argument, the environment is this.env, the context this.ctx. */
export class WorkerEntrypoint extends RpcTarget {
  constructor(ctx, env) {
    super();
    this.ctx = ctx;
    this.env = env;
  }
}

/** Base class of Durable Object classes (the Durable Object runtime itself comes later). */
export class DurableObject extends RpcTarget {
  constructor(ctx, env) {
    super();
    this.ctx = ctx;
    this.env = env;
  }
}

/** Wraps an RpcTarget so it can be handed around like a stub; calls go straight to the target here. */
export class RpcStub {
  constructor(target) {
    if (!(target instanceof RpcTarget) && typeof target !== 'function') {
      throw new TypeError('RpcStub can only wrap an RpcTarget or a function.');
    }
    return new Proxy(target, {
      get(t, prop) {
        if (prop === 'dup') return () => new RpcStub(t);
        if (prop === Symbol.dispose) return () => undefined;
        const value = Reflect.get(t, prop, t);
        return typeof value === 'function' ? value.bind(t) : value;
      },
    });
  }
}
