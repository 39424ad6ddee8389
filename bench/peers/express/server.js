'use strict';
// Benchmark peer for bench/scenarios/platform-read-one.sh: GET /platform/v1/settings/:key written the way many Node APIs are
// (Express + node-postgres + jsonwebtoken, node:cluster with one worker per core), doing the same work as the slice:
// the Platform JWT check (HS256, exp required, tenant_id a GUID, else 401), then on the app role (not the owner, so
// row-level security applies) BEGIN; set_config('app.tenant_id', $1, true); the same select; COMMIT. 404 when absent.
//
// Environment (bench-peer-env prints the secrets; the scenario passes them here and never writes them to a file):
//   PEER_PORT, PEER_PG_HOST, PEER_PG_PORT, PEER_PG_DATABASE, PEER_PG_USER, PEER_PG_PASSWORD,
//   PEER_PG_POOL (the API's pool size; split over the workers), PEER_JWT_KEY, PEER_JWT_ISSUER, PEER_JWT_AUDIENCE (optional),
//   PEER_WORKERS (default os.availableParallelism()).
const cluster = require('node:cluster');
const os = require('node:os');

const workers = Number(process.env.PEER_WORKERS) || os.availableParallelism();

if (cluster.isPrimary) {
  let stopping = false;
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    console.error(`express peer: worker ${worker.process.pid} exited (${signal || code}); stopping`);
    stop(1);
  });
  function stop(code) {
    stopping = true;
    for (const w of Object.values(cluster.workers)) w.kill('SIGTERM');
    setTimeout(() => process.exit(code), 200).unref();
  }
  process.on('SIGTERM', () => stop(0));
  process.on('SIGINT', () => stop(0));
  console.log(`express peer: ${workers} workers on 127.0.0.1:${process.env.PEER_PORT}`);
} else {
  startWorker();
}

function startWorker() {
  const express = require('express');
  const jwt = require('jsonwebtoken');
  const { Pool } = require('pg');

  const required = (name) => {
    const v = process.env[name];
    if (!v) { console.error(`express peer: ${name} is not set`); process.exit(2); }
    return v;
  };
  const apiPool = Number(process.env.PEER_PG_POOL) || 50;
  const pool = new Pool({
    host: required('PEER_PG_HOST'),
    port: Number(required('PEER_PG_PORT')),
    database: required('PEER_PG_DATABASE'),
    user: required('PEER_PG_USER'),
    password: required('PEER_PG_PASSWORD'),
    max: Math.max(1, Math.ceil(apiPool / workers)),   // the API's pool, shared out over the workers
  });
  pool.on('error', (e) => console.error('express peer: idle client error', e.message));

  const key = required('PEER_JWT_KEY');   // UTF-8 bytes of the string, as JwtSchemeHandler does
  const verifyOptions = { algorithms: ['HS256'], clockTolerance: 30 };
  if (process.env.PEER_JWT_ISSUER) verifyOptions.issuer = process.env.PEER_JWT_ISSUER;
  if (process.env.PEER_JWT_AUDIENCE) verifyOptions.audience = process.env.PEER_JWT_AUDIENCE;
  // Guid.TryParse's common forms: 32 hex digits, optionally hyphenated 8-4-4-4-12, optionally in braces
  const isGuid = (s) => /^[0-9a-f]{32}$/i.test(s) || /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s)
    || /^\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}$/i.test(s);
  const keyPattern = /^[a-z0-9][a-z0-9._-]{0,99}$/;

  const problem = (res, status, title, code, detail) =>
    res.status(status).type('application/problem+json').json({ type: 'about:blank', title, status, detail, code });

  function auth(req, res, next) {
    const header = req.get('authorization');
    if (!header || !/^bearer /i.test(header)) return problem(res, 401, 'Unauthorized', null, 'Valid authentication token required');
    let claims;
    try { claims = jwt.verify(header.slice(7).trim(), key, verifyOptions); }
    catch { return problem(res, 401, 'Unauthorized', null, 'Valid authentication token required'); }
    if (typeof claims.exp !== 'number' || typeof claims.tenant_id !== 'string' || !isGuid(claims.tenant_id))
      return problem(res, 401, 'Unauthorized', null, 'Valid authentication token required');
    req.tenantId = claims.tenant_id;
    next();
  }

  const app = express();
  app.get('/readyz', (req, res) => res.send('ok'));

  app.get('/platform/v1/settings/:key', auth, async (req, res, next) => {
    const settingKey = req.params.key;
    if (!keyPattern.test(settingKey))
      return problem(res, 400, 'Bad Request', 'VALIDATION_FAILED', "key must be 1-100 characters of a-z, 0-9, '.', '_' or '-'");
    let client;
    try {
      client = await pool.connect();
      await client.query('BEGIN');
      await client.query("select set_config('app.tenant_id', $1, true)", [req.tenantId]);
      const { rows } = await client.query(
        'select key, value, updated_at from platform.tenant_settings where tenant_id = $1::uuid and key = $2',
        [req.tenantId, settingKey]);
      await client.query('COMMIT');
      if (rows.length === 0) return problem(res, 404, 'Not Found', 'SETTING_NOT_FOUND', `Setting '${settingKey}' does not exist.`);
      const row = rows[0];
      res.json({ key: row.key, value: row.value, updated_at: row.updated_at });
    } catch (e) {
      if (client) { try { await client.query('ROLLBACK'); } catch { /* the connection is broken; released below */ } }
      next(e);
    } finally {
      if (client) client.release();
    }
  });

  app.use((err, req, res, next) => {   // eslint-disable-line no-unused-vars
    console.error('express peer:', err.message);
    problem(res, 500, 'Internal Server Error', null, 'Unexpected error');
  });

  app.listen(Number(required('PEER_PORT')), '127.0.0.1');
  process.on('SIGTERM', () => pool.end().finally(() => process.exit(0)));
  process.on('disconnect', () => process.exit(0));   // the primary went away
}
