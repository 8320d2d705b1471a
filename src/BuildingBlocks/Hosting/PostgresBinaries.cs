namespace BonSecours.BuildingBlocks.Hosting;

/// <summary>Finds the PostgreSQL server programs (initdb, pg_ctl) on this machine.</summary>
public static class PostgresBinaries
{
    public const string InstallHint =
        "PostgreSQL server binaries (initdb, pg_ctl) were not found on PATH or under /usr/lib/postgresql/*/bin. " +
        "Install them with: sudo apt-get install -y postgresql " +
        "(or set ConnectionStrings__BonSecours to an existing PostgreSQL server).";

    /// <summary>Returns the folder holding initdb and pg_ctl, preferring PATH, then the newest Debian version.</summary>
    public static string Locate()
    {
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(DebianVersionFolders());

        foreach (var folder in candidates)
        {
            if (File.Exists(Path.Combine(folder, "initdb")) && File.Exists(Path.Combine(folder, "pg_ctl")))
            {
                return folder;
            }
        }

        throw new InvalidOperationException(InstallHint);
    }

    private static IEnumerable<string> DebianVersionFolders()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
        {
            return [];
        }

        return Directory.GetDirectories(root)
            .Select(folder => (folder, version: int.TryParse(Path.GetFileName(folder), out var number) ? number : 0))
            .OrderByDescending(entry => entry.version)
            .Select(entry => Path.Combine(entry.folder, "bin"));
    }
}
