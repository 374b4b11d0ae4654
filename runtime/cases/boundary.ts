/**
 * The runtime's public boundary: its own typed errors pass through untouched, anything else (a failing clock or
 * shared-data source, a bug) leaves as an InternalRuntimeError with the original as `cause`, and a store whose
 * calls fail is seen through a guard that turns those failures into StoreErrors.
 */
import type { Store } from '../store/types.ts';
import { InternalRuntimeError, RuntimeError, StoreError } from './errors.ts';

/** Runs one public operation; whatever it throws leaves as a RuntimeError. */
export async function atBoundary<T>(operation: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw typed(operation, error);
  }
}

/** `error` if it is a RuntimeError, else an InternalRuntimeError caused by it. */
export function typed(operation: string, error: unknown): RuntimeError {
  if (error instanceof RuntimeError) return error;
  return new InternalRuntimeError(`${operation} failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`, error);
}

/**
 * The store as the runtime (and its embedder, through `runtime.store`) sees it: every method's failure becomes a
 * StoreError naming the method, except RuntimeErrors a store throws on purpose. A Proxy, so methods a store adds
 * (sessions, …) are guarded too; each wrapper is made once per method.
 */
export function guardedStore(store: Store): Store {
  const wrappers = new WeakMap<(...args: unknown[]) => unknown, (...args: unknown[]) => unknown>();
  return new Proxy(store, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key, target);
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => unknown;
      let wrapper = wrappers.get(method);
      if (!wrapper) {
        const fail = (error: unknown) => {
          throw error instanceof RuntimeError ? error : new StoreError(String(key), error);
        };
        wrapper = (...args: unknown[]) => {
          try {
            const result = method.apply(target, args);
            return result instanceof Promise ? result.catch(fail) : result;
          } catch (error) {
            return fail(error);
          }
        };
        wrappers.set(method, wrapper);
      }
      return wrapper;
    },
  });
}
