using BonSecours.BuildingBlocks.Hosting;
using JasperFx;
using JasperFx.Events;
using JasperFx.MultiTenancy;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Weasel.Core;
using Wolverine.Marten;

namespace BonSecours.BuildingBlocks.Persistence;

public static class ModuleStores
{
    /// <summary>The schema that contains Wolverine's shared inbox, outbox and scheduled messages.</summary>
    public const string MessagingSchema = "wolverine";

    /// <summary>
    /// Registers a module's own Marten store, with its documents and events in its own
    /// schema, bound to Wolverine's outbox, and with the product's conventions applied.
    /// </summary>
    public static IServiceCollection AddModuleStore<TStore>(this IServiceCollection services, string schema, Action<StoreOptions> configure)
        where TStore : class, IDocumentStore
    {
        services.AddMartenStore<TStore>(provider =>
            {
                var options = new StoreOptions();
                options.Connection(provider.GetRequiredService<DatabaseEndpoint>().ConnectionString);
                options.DatabaseSchemaName = schema;
                options.Events.DatabaseSchemaName = schema;
                ApplyConventions(options);
                configure(options);
                return options;
            })
            .IntegrateWithWolverine();
        return services;
    }

    /// <summary>
    /// Conventions every store shares: a residence is a Marten tenant (conjoined tenancy for
    /// events and documents), every event metadata column is on, and appends use Quick mode.
    /// </summary>
    public static void ApplyConventions(StoreOptions options)
    {
        options.Events.TenancyStyle = TenancyStyle.Conjoined;
        options.Policies.AllDocumentsAreMultiTenanted();
        options.Events.MetadataConfig.EnableAll();
        // Marten 9.62's EnableAll() does not create the user_name column of mt_events,
        // so LastModifiedBy was dropped and histories had no user. Enable it by name.
        options.Events.MetadataConfig.UserNameEnabled = true;
        options.Events.AppendMode = EventAppendMode.Quick;
        options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
        options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
    }
}
