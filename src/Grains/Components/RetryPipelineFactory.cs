using AlgoSpace.Grains.Interfaces.Configuration;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace AlgoSpace.Grains.Components;

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

    /// <summary>
    /// Runs <paramref name="action"/> on <paramref name="pipeline"/> and stays in the caller's grain turn: Polly
    /// continues on the thread pool unless asked otherwise, and a grain that resumes there after a retry's pause may
    /// no longer call other grains or touch its state ("activation access violation").
    /// </summary>
    public static async ValueTask ExecuteInTurnAsync<TState>(this ResiliencePipeline pipeline, Func<TState, CancellationToken, ValueTask> action, TState state)
    {
        var context = ResilienceContextPool.Shared.Get(continueOnCapturedContext: true);
        try
        {
            await pipeline.ExecuteAsync(static (ctx, s) => s.action(s.state, ctx.CancellationToken), context, (action, state));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>
    /// A durable write (a checkpoint piece, a journal append): <paramref name="attempts"/> tries in all, whatever the
    /// failure but a fatal one, 100 ms before the second and doubling after. <paramref name="onRetry"/> hears of each
    /// failure that is retried; the last one is thrown.
    /// </summary>
    public static ResiliencePipeline ForDurableWrite(int attempts, Action<int, Exception?> onRetry)
    {
        if (attempts <= 1) return ResiliencePipeline.Empty;
        return new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(ex => ex is not FatalComponentException),
            MaxRetryAttempts = attempts - 1,
            BackoffType = DelayBackoffType.Exponential,
            Delay = TimeSpan.FromMilliseconds(100),
            OnRetry = args =>
            {
                onRetry(args.AttemptNumber + 1, args.Outcome.Exception);
                return default;
            },
        }).Build();
    }
}
