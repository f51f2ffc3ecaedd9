// Starts one local stack for the integration tests: DynamoDB Local in memory, the tables, the seeded real demands,
// the fake WeChat server and serverless-offline, all on free ports. The workers find it through STACK_* variables.
import { stackOnce } from './stack-once';

export default async function globalSetup(): Promise<void> {
  await stackOnce();
}
