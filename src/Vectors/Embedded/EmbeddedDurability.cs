namespace Baize.Vectors.Embedded;

/// <summary>What an acknowledged write survives. Both modes survive a killed process: SQLite's WAL has the commit
/// before the call returns, and the WAL is replayed on the next open.</summary>
public enum EmbeddedDurability
{
    /// <summary><c>synchronous=FULL</c>: the WAL is fsynced at every commit, so acknowledged writes also survive power
    /// loss (on storage that honours fsync). One fsync per batch.</summary>
    PowerLoss,

    /// <summary><c>synchronous=NORMAL</c>: the WAL is fsynced only at checkpoints. Survives a killed process, but the
    /// last commits may roll back on power loss. Faster for many small batches.</summary>
    ProcessCrash,
}
