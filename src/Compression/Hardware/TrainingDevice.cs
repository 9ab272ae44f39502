using TorchSharp;

namespace Baize.Compression.Hardware;

/// <summary>Chooses where TorchSharp trains: the first CUDA device when the GPU build finds one, else the CPU.</summary>
public static class TrainingDevice
{
    public static torch.Device Select()
    {
        return torch.cuda.is_available() ? torch.CUDA : torch.CPU;
    }

    /// <summary>Uses every core for intra-op work; TorchSharp otherwise guesses from the container's view.</summary>
    public static void UseAllCores()
    {
        torch.set_num_threads(Environment.ProcessorCount);
    }
}
