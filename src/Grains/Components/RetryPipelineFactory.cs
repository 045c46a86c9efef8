using AlgoSpace.Configuration;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace AlgoSpace.Components;

/// <summary>
/// Transient runtime errors (FR-SK-06) are retried with exponential backoff and jitter, within the limits of the
/// recovery settings, by Polly rather than a hand-written loop.
/// </summary>
public static class RetryPipelineFactory
{
    public static ResiliencePipeline Create(RecoverySettings recovery, Action<int, Exception?> onRetry)
    {
        var builder = new ResiliencePipelineBuilder()
            .AddTimeout(new TimeoutStrategyOptions { Timeout = TimeSpan.FromSeconds(recovery.Timeout) });
        if (recovery.MaxAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<TransientComponentException>(),
                MaxRetryAttempts = recovery.MaxAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(recovery.InitialDelayMs),
                MaxDelay = TimeSpan.FromMilliseconds(recovery.MaxDelayMs),
                OnRetry = args =>
                {
                    onRetry(args.AttemptNumber + 1, args.Outcome.Exception);
                    return default;
                },
            });
        }

        return builder.Build();
    }
}
