// The layer rules of ARCHITECTURE.md, checked by `npm run lint:layers` (part of `npm test`).
// Test files (*.test.ts) and the test kits still kept under src/ may reach across layers to set a
// scene; the rules hold for the code that ships.
const TEST_CODE = '(\\.test\\.tsx?|/session-test-kit\\.ts|/test-helpers\\.ts|/session-seed\\.ts)$';

// The pure cores: knowledge and rules, data in and data out. Each imports only itself and the
// modules named beside it: `words/` (how fields are named to people, limits), the time module
// once it exists, and outcomes reads clinical's measures, diagnoses and plan dates; billing reads
// clinical's unit rules and diagnoses.
const pure = (folder, alsoAllowed) => ({
  name: `pure-${folder}`,
  severity: 'error',
  comment:
    `src/${folder}/ is pure: it imports only src/${folder}/, ${alsoAllowed.join(', ')} and libraries (no I/O, ` +
    `no store, no services, no http).`,
  from: { path: `^src/${folder}/`, pathNot: TEST_CODE },
  to: {
    path: '^(src|web|test|bench|scripts|bin)/',
    pathNot: [`^src/${folder}/`, ...alsoAllowed.map((other) => `^src/${other}/`)],
  },
});

module.exports = {
  forbidden: [
    pure('clinical', ['words', 'time']),
    pure('scheduling', ['words', 'time']),
    pure('outcomes', ['clinical', 'words', 'time']),
    pure('billing', ['clinical', 'time']),
    pure('time', []),
    pure('words', []),
    pure('fhir', ['clinical', 'words', 'time']),
    {
      name: 'pure-cores-no-io',
      severity: 'error',
      comment: 'The pure cores do no I/O: no file system, network, processes or timers from Node.',
      from: { path: '^src/(clinical|scheduling|outcomes|billing|time|words|fhir)/', pathNot: TEST_CODE },
      to: {
        dependencyTypes: ['core'],
        path:
          '^(node:)?(fs|fs/promises|net|http|https|http2|child_process|worker_threads|dgram|dns|tls|' +
          'timers|timers/promises|readline|cluster|os|process)$',
      },
    },
    {
      name: 'http-not-store',
      severity: 'error',
      comment: 'Routes call services; they never reach into the store (SQL states come from services/errors.ts).',
      from: { path: '^src/http/', pathNot: TEST_CODE },
      to: { path: '^src/store/' },
    },
    {
      name: 'dependencies-point-down',
      severity: 'error',
      comment: 'services/ never import http/ or cli/; store/ never imports services/, http/ or cli/.',
      from: { path: '^src/(services|store)/', pathNot: TEST_CODE },
      to: { path: '^src/(http/|cli/|app\\.ts$|config\\.ts$)' },
    },
    {
      name: 'store-is-the-bottom',
      severity: 'error',
      comment: 'The store knows SQL, not use cases: it imports no services and no demo data.',
      from: { path: '^src/store/', pathNot: TEST_CODE },
      to: { path: '^src/(services|demo)/' },
    },
    {
      name: 'src-not-test',
      severity: 'error',
      comment: 'Code that ships never imports test support.',
      from: { path: '^src/', pathNot: TEST_CODE },
      to: { path: '^test/' },
    },
    {
      name: 'web-not-server-internals',
      severity: 'error',
      comment:
        'The web app sees the server only through its contract (src/http/**/schema.ts) and pure modules, never ' +
        'services or the store.',
      from: { path: '^web/' },
      to: { path: '^src/(services/|store/|cli/|demo/|app\\.ts$|config\\.ts$)' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles at run time (a cycle through a type-only import disappears when compiled).',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'Every relative import resolves to a file.',
      from: { path: '^(src|web|test|bench|scripts|bin)/' },
      to: { couldNotResolve: true, path: '^\\.' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|data)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
