// What the bundled functions use in place of the AWS SDK's default credential chain (serverless.yml aliases
// @aws-sdk/credential-provider-node to this file). Lambda hands every function its role's credentials in the
// environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN), so the rest of the chain (SSO, ini
// files, web identity, process, container and instance metadata, with the STS and SSO clients behind them) is never
// reached there, yet its ~140 KB were compiled at every cold start. The local stack passes DynamoDB Local's fixed
// credentials (db/client.ts) and scripts run unbundled with the SDK's own chain, so neither comes here.
import { fromEnv, type FromEnvInit } from '@aws-sdk/credential-provider-env';

/** Same name and call shape as @aws-sdk/credential-provider-node's export, which the SDK's runtime config imports. */
export const defaultProvider = (init?: FromEnvInit): ReturnType<typeof fromEnv> => fromEnv(init);
