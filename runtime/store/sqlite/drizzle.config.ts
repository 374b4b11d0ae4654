// drizzle-kit configuration: `npm run db:generate` writes a migration when sqlite/schema.ts changes.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './runtime/store/sqlite/schema.ts',
  out: './runtime/store/sqlite/migrations',
});
