/** The unpacked @oxc-resolver/binding-wasm32-wasi package folder (see wasm-resolver.cjs). */
export function wasmResolverPackage(root: string): string;
