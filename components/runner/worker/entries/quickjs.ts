import releaseSync from "@jitl/quickjs-wasmfile-release-sync";
import { newQuickJSWASMModuleFromVariant, newVariant, type QuickJSWASMModule } from "quickjs-emscripten-core";
import { runtimeUrl } from "./runtime-url";

export function loadQuickJs(): Promise<QuickJSWASMModule> {
  return newQuickJSWASMModuleFromVariant(newVariant(releaseSync, { wasmLocation: runtimeUrl("quickjs/emscripten-module.wasm") }));
}
