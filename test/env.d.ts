declare namespace Cloudflare {
  interface Env {
    TEST_MIGRATIONS: import('cloudflare:test').D1Migration[];
    TEST_SEED: string[];
    TEST_FIXTURES: Record<string, string>;
  }
  interface GlobalProps {
    mainModule: typeof import('../workers/index');
  }
}

/** A file's text (Vite's ?raw import), e.g. a source the tests read as data. */
declare module '*?raw' {
  const text: string;
  export default text;
}
