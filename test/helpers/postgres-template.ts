/**
 * Vitest global set-up: when PostgreSQL answers, one migrated template
 * database per run (`midad_template_<random>`), which each PostgreSQL test
 * database copies (CREATE DATABASE … TEMPLATE) instead of running every
 * migration again; dropped when the run ends. Without a server it
 * provides null and dialects.ts says why the PostgreSQL tests skip.
 */
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/storage/database.js';
import { admin, postgresProblem, randomName, urlOf } from './postgres-admin.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The migrated template database of this run, or null without PostgreSQL. */
    postgresTemplate: string | null;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  if ((await postgresProblem()) !== null) {
    project.provide('postgresTemplate', null);
    return;
  }
  const name = randomName('midad_template');
  await admin(`create database ${name}`);
  const drop = () => admin(`drop database if exists ${name} with (force)`);
  try {
    const database = await openDatabase({ file: '', url: urlOf(name) });
    await database.close();
  } catch (error) {
    await drop();
    throw error;
  }
  project.provide('postgresTemplate', name);
  return drop;
}
