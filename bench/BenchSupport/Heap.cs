namespace Baize.BenchSupport;

/// <summary>Starts a timed phase from a clean heap, so garbage left by set-up is not collected inside it.</summary>
public static class Heap
{
    public static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
