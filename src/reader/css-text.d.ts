/** scripts/build.mjs loads .css imports as text (esbuild loader "text") for the overlay's shadow root. */
declare module '*.css' {
  const text: string;
  export default text;
}
