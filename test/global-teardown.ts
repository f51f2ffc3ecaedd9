import { stopAll } from './stack-once';

export default async function globalTeardown(): Promise<void> {
  await stopAll();
}
