namespace Baize.Vectors.Qdrant.Tests.Support;

/// <summary>The adapter sent a request the test did not script; fails the test instead of being mapped to a store error.</summary>
public sealed class UnscriptedRequestException(string message) : Exception(message);
