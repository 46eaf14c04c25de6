// The part of tsx's CommonJS API that main.ts uses. tsx ships these types only through its `exports`
// map, which this workspace's moduleResolution (node10) does not read.
declare module 'tsx/cjs/api' {
  export interface NamespacedRequire {
    require(id: string, fromFile: string): unknown;
    unregister(): void;
  }
  export function register(options: { namespace: string }): NamespacedRequire;
}
