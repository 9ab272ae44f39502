using Baize.Embedding.Tests.Support;

// Media generation costs a few seconds, so it happens once for the whole test assembly.
[assembly: AssemblyFixture(typeof(MediaFixture))]
