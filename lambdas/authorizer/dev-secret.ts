/**
 * LOCAL DEVELOPMENT ONLY. The HS256 secret, issuer and audience the example gateway's authorizer
 * uses when run locally or in tests, so `bin/dev-token.ts` can mint tokens it accepts.
 * This secret is public (it is in the repository): never deploy it; pass a real secret through
 * the authorizer's environment (`JWT_SECRET`) for any deployed stage.
 */
export const DEV_JWT_SECRET = 'portico-local-development-secret-do-not-deploy';
export const DEV_JWT_ISSUER = 'https://portico.local';
export const DEV_JWT_AUDIENCE = 'portico-example';
