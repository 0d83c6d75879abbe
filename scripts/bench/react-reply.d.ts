// The part of Next's bundled React Flight client the bench uses (it ships without types).
declare module 'next/dist/compiled/react-server-dom-webpack/client.node.js' {
  export function encodeReply(value: unknown): Promise<string | FormData>
}
