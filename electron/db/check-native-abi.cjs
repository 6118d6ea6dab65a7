// Exits 0 when better-sqlite3 loads in this Node (tests and the browser host need Node's ABI),
// 1 when it was built for another runtime (e.g. after `npm run native:electron`) and needs a rebuild.
try {
  const Database = require('better-sqlite3');
  new Database(':memory:').close();
} catch (error) {
  console.error(`better-sqlite3 does not load in this Node (${error.code || error.message}); rebuilding it for Node…`);
  process.exit(1);
}
