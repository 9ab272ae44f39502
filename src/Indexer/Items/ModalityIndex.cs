namespace Baize.Indexer.Items;

/// <summary>How an item is indexed under one modality: the encoder version that embedded it and the number of points.</summary>
public sealed record ModalityIndex(string Encoder, int Points);
