import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../shared/config.js';

describe('the limits settings', () => {
  it('have defaults a single user never meets', () => {
    expect(loadConfig({}).limits).toEqual({
      costlyPerMinute: 30,
      authPerMinute: 30,
      loginMaxFailures: 10,
      loginMaxFailuresPerIp: 100,
      userDailyQuota: 100,
      orgMonthlyQuota: 3000,
    });
  });

  it('are read from the environment', () => {
    const env = { RATE_LIMIT_PER_MINUTE: '5', AUTH_RATE_LIMIT_PER_MINUTE: '6', LOGIN_MAX_FAILURES: '3', LOGIN_MAX_FAILURES_PER_IP: '7', USER_DAILY_QUOTA: '0', ORG_MONTHLY_QUOTA: '9' };
    expect(loadConfig(env).limits).toEqual({
      costlyPerMinute: 5,
      authPerMinute: 6,
      loginMaxFailures: 3,
      loginMaxFailuresPerIp: 7,
      userDailyQuota: 0,
      orgMonthlyQuota: 9,
    });
  });

  it.each([
    { variable: 'RATE_LIMIT_PER_MINUTE', value: '0' },
    { variable: 'AUTH_RATE_LIMIT_PER_MINUTE', value: 'many' },
    { variable: 'USER_DAILY_QUOTA', value: '-1' },
    { variable: 'ORG_MONTHLY_QUOTA', value: '1.5' },
  ])('a bad $variable stops the start, naming it', ({ variable, value }) => {
    expect(() => loadConfig({ [variable]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [variable]: value })).toThrow(new RegExp(`${variable}: expected a whole number`));
  });
});
