namespace BonSecours.Benchmarks.Shared;

/// <summary>The built Host assembly, in the same configuration as this benchmark (Release with <c>dotnet run -c Release</c>).</summary>
internal static class HostBuild
{
    public static string FindHostAssembly()
    {
        var benchmarkFolder = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = benchmarkFolder.Parent!.Name;
        var repository = benchmarkFolder;
        while (repository is not null && !File.Exists(Path.Combine(repository.FullName, "BonSecours.sln")))
        {
            repository = repository.Parent;
        }

        if (repository is null)
        {
            throw new DirectoryNotFoundException($"No BonSecours.sln above {benchmarkFolder.FullName}: run the benchmark from its build output inside the repository.");
        }

        var hostAssembly = Path.Combine(repository.FullName, "src", "Host", "bin", configuration, benchmarkFolder.Name, "BonSecours.Host.dll");
        return File.Exists(hostAssembly)
            ? hostAssembly
            : throw new FileNotFoundException($"The Host is not built for {configuration}. Run: dotnet build src/Host -c {configuration}", hostAssembly);
    }
}
