import { expect } from 'vitest';
import { ProviderError, type ProviderFailureKind } from '../errors.js';

/** Await a call that must fail with a classified provider error of this kind; returns the error. */
export async function expectProviderFailure(
  promise: Promise<unknown>,
  provider: string,
  kind: ProviderFailureKind,
): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ProviderError);
  const providerError = error as ProviderError;
  expect({ kind: providerError.kind, provider: providerError.provider }).toEqual({ kind, provider });
  return providerError;
}
