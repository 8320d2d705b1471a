using BonSecours.BuildingBlocks.Hosting;
using JasperFx.CommandLine;
using Microsoft.Extensions.Logging.Abstractions;

namespace BonSecours.Host.Commands;

public sealed class LocalPostgresInput
{
    [Description("start or stop")]
    public string Action { get; set; } = "start";

    [Description("Folder that holds the cluster's data")]
    public string FolderFlag { get; set; } = string.Empty;
}

/// <summary>
/// Starts or stops a private PostgreSQL cluster in a folder, the way the Host does on its
/// own. test.sh uses it to share one cluster between every test project; on start the last
/// output line is the server's connection string.
/// </summary>
[Description("Starts or stops a private PostgreSQL cluster in a folder", Name = "local-postgres")]
public sealed class LocalPostgresCommand : JasperFxAsyncCommand<LocalPostgresInput>
{
    public override async Task<bool> Execute(LocalPostgresInput input)
    {
        if (string.IsNullOrWhiteSpace(input.FolderFlag))
        {
            Console.Error.WriteLine("Missing --folder: name the folder of the cluster's data, for example --folder /tmp/bonsecours-cluster.");
            return false;
        }

        var cluster = await LocalPostgresCluster.StartAsync(input.FolderFlag, "postgres", NullLogger.Instance);
        switch (input.Action)
        {
            case "start":
                Console.WriteLine(cluster.ServerConnectionString("postgres"));
                return true;
            case "stop":
                await cluster.StopAsync();
                return true;
            default:
                Console.Error.WriteLine($"Unknown action '{input.Action}': use start or stop.");
                return false;
        }
    }
}
