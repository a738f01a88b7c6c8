import { createRequire } from "node:module"
import path from "node:path"

const requireCjs = createRequire(__filename)

// Medusa loads medusa-config.ts, our modules, routes, middlewares and workflows with
// require(), outside vitest's transform: register ts-node (swc) like the medusa CLI does.
const registered = Symbol.for("commerce.tests.ts-node")
if (!(globalThis as Record<symbol, unknown>)[registered]) {
  requireCjs("ts-node").register({
    project: path.resolve(__dirname, "../tsconfig.json"),
    transpileOnly: true,
    swc: true,
  })
  ;(globalThis as Record<symbol, unknown>)[registered] = true
}

// @medusajs/test-utils calls process.send(port) once the HTTP server listens (for jest's
// parent). In a vitest fork the IPC channel belongs to vitest, which cannot decode a bare
// number: drop those messages. Vitest keeps its own bound reference to the original send.
const send = process.send
if (send && !(send as { __commerceGuard?: boolean }).__commerceGuard) {
  const guarded = function (this: NodeJS.Process, message: unknown, ...rest: unknown[]) {
    if (typeof message === "number") {
      const callback = rest.find((arg) => typeof arg === "function") as (() => void) | undefined
      callback?.()
      return true
    }
    return (send as (...args: unknown[]) => boolean).call(process, message, ...rest)
  } as typeof process.send & { __commerceGuard?: boolean }
  guarded!.__commerceGuard = true
  process.send = guarded
}
