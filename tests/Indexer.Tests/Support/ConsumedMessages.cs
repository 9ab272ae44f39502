using MassTransit;

namespace Baize.Indexer.Tests.Support;

/// <summary>Observes the bus: counts messages of <typeparamref name="T"/> whose consumption finished (well or not).</summary>
internal sealed class ConsumedMessages<T> : IConsumeMessageObserver<T>
    where T : class
{
    private readonly Lock _lock = new();
    private readonly List<(T Message, Exception? Fault)> _finished = [];

    public IReadOnlyList<(T Message, Exception? Fault)> Finished
    {
        get
        {
            lock (_lock)
            {
                return [.. _finished];
            }
        }
    }

    public Task PreConsume(ConsumeContext<T> context) => Task.CompletedTask;

    public Task PostConsume(ConsumeContext<T> context)
    {
        Add(context.Message, null);
        return Task.CompletedTask;
    }

    public Task ConsumeFault(ConsumeContext<T> context, Exception exception)
    {
        Add(context.Message, exception);
        return Task.CompletedTask;
    }

    /// <summary>Waits until at least <paramref name="count"/> messages matching <paramref name="match"/> have finished.</summary>
    public async Task WaitForAsync(Func<T, bool> match, int count, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromMinutes(3);
        var waited = TimeSpan.Zero;
        var step = TimeSpan.FromMilliseconds(50);
        while (Finished.Count(entry => match(entry.Message)) < count)
        {
            if (waited >= limit)
            {
                throw new TimeoutException($"Only {Finished.Count(entry => match(entry.Message))} of {count} {typeof(T).Name} messages were consumed.");
            }

            await Task.Delay(step, cancellationToken);
            waited += step;
        }
    }

    private void Add(T message, Exception? fault)
    {
        lock (_lock)
        {
            _finished.Add((message, fault));
        }
    }
}
