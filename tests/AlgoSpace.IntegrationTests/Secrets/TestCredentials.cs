using System.Security.Cryptography;
using AlgoSpace.Grains.Kernel;

namespace AlgoSpace.Tests.Secrets;

/// <summary>
/// One distinctive random value (32 hex characters) for every credential the silo accepts: each [SecretSetting]
/// (the feed's API key, the broker's user and password, the Redis passwords of clustering and persistence) and the
/// operator token. Each Redis provider logs in as its own ACL user, so that the server can tell which credential a
/// connection used; the test itself uses the default user's password, which the silo never sees.
/// </summary>
public sealed class TestCredentials
{
    public const string FeedApiKeyVariable = "ALGOSPACE_TEST_FEED_API_KEY";
    public const string BrokerUserVariable = "ALGOSPACE_TEST_BROKER_USER";
    public const string BrokerPasswordVariable = "ALGOSPACE_TEST_BROKER_PASSWORD";
    public const string ClusterRedisVariable = "ALGOSPACE_TEST_CLUSTER_REDIS";
    public const string StateRedisVariable = "ALGOSPACE_TEST_STATE_REDIS";
    public const string ClusterRedisUser = "algospace-cluster";
    public const string StateRedisUser = "algospace-state";

    public string FeedApiKey { get; } = NewSecret();
    public string BrokerUser { get; } = NewSecret();
    public string BrokerPassword { get; } = NewSecret();
    public string ClusterRedisPassword { get; } = NewSecret();
    public string StateRedisPassword { get; } = NewSecret();
    public string OperatorToken { get; } = NewSecret();

    /// <summary>The test's own Redis password (default user): not given to the silo, so not scanned for.</summary>
    public string AdminRedisPassword { get; } = NewSecret();

    /// <summary>What must never appear, by what it is.</summary>
    public IReadOnlyDictionary<string, string> Secrets => new Dictionary<string, string>
    {
        ["data_handler.live.api_key"] = FeedApiKey,
        ["execution.broker.user"] = BrokerUser,
        ["execution.broker.password"] = BrokerPassword,
        ["cluster.redis_connection password"] = ClusterRedisPassword,
        ["persistence.redis_connection password"] = StateRedisPassword,
        [OperatorAuthorization.EnvironmentVariable] = OperatorToken,
    };

    /// <summary>redis-server options: a password on the default user and one ACL user per provider.</summary>
    public string[] RedisConfiguration =>
    [
        "--requirepass", AdminRedisPassword,
        "--user", ClusterRedisUser, "on", $">{ClusterRedisPassword}", "~*", "&*", "+@all",
        "--user", StateRedisUser, "on", $">{StateRedisPassword}", "~*", "&*", "+@all",
    ];

    /// <summary>The silo's (and the client's) environment: every credential, as the settings reference them.</summary>
    /// <param name="redis">host:port of the Redis server.</param>
    public Dictionary<string, string> Environment(string redis) => new()
    {
        [FeedApiKeyVariable] = FeedApiKey,
        [BrokerUserVariable] = BrokerUser,
        [BrokerPasswordVariable] = BrokerPassword,
        [ClusterRedisVariable] = $"{redis},user={ClusterRedisUser},password={ClusterRedisPassword}",
        [StateRedisVariable] = $"{redis},user={StateRedisUser},password={StateRedisPassword}",
        [OperatorAuthorization.EnvironmentVariable] = OperatorToken,
    };

    private static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
