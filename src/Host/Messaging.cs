using BonSecours.BuildingBlocks.Hosting;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.Modules.CareFollowUp.Calls;
using BonSecours.Modules.CareFollowUp.Infrastructure;
using BonSecours.Modules.CommunityLife.Infrastructure;
using BonSecours.Modules.Residents.Infrastructure;
using BonSecours.Modules.Services.Infrastructure;
using JasperFx;
using JasperFx.Resources;
using Marten;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Marten;
using Wolverine.Util;

namespace BonSecours.Host;

internal static class Messaging
{
    /// <summary>
    /// Wolverine carries messages between modules: a shared durable inbox and outbox in the
    /// <c>wolverine</c> schema, durable local queues, one handler per module and message
    /// (Separated), and each module's handlers bound to that module's Marten store.
    /// </summary>
    public static IHostBuilder UseBonSecoursMessaging(this IHostBuilder host, IConfiguration configuration) =>
        host.UseWolverine(options =>
        {
            WolverineMessageNaming.InsertFirst<DataContractMessageNaming>();
            options.ServiceName = "BonSecours";
            options.Durability.MessageStorageSchemaName = ModuleStores.MessagingSchema;
            // One Host per database by default; set Wolverine:DurabilityMode=Balanced to run several nodes.
            options.Durability.Mode = Enum.TryParse<DurabilityMode>(configuration["Wolverine:DurabilityMode"], out var mode) ? mode : DurabilityMode.Solo;
            options.Durability.MessageIdentity = MessageIdentity.IdAndDestination;
            // Scheduled messages (priority-call escalation timers) run within this many seconds of
            // their time. Wolverine's default is 5; Wolverine:ScheduledJobPollingSeconds changes it.
            if (double.TryParse(configuration["Wolverine:ScheduledJobPollingSeconds"], System.Globalization.CultureInfo.InvariantCulture, out var polling) && polling > 0)
            {
                options.Durability.ScheduledJobPollingTime = TimeSpan.FromSeconds(polling);
                options.Durability.ScheduledJobFirstExecution = TimeSpan.FromSeconds(polling);
            }

            options.MultipleHandlerBehavior = MultipleHandlerBehavior.Separated;
            options.Policies.AutoApplyTransactions();
            options.Policies.UseDurableLocalQueues();
            // Handlers of one module may update the same document at once (a resident's
            // registration and move-in arrive together). Optimistic concurrency rejects the
            // later write, and the retry reloads the document and applies the message again.
            options.OnException<JasperFx.ConcurrencyException>().Or<JasperFx.DocumentAlreadyExistsException>()
                .RetryWithCooldown(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1));

            options.Services.AddMarten(provider =>
                {
                    var store = new StoreOptions();
                    store.Connection(provider.GetRequiredService<DatabaseEndpoint>().ConnectionString);
                    store.DatabaseSchemaName = "host";
                    store.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
                    store.Schema.For<BonSecours.BuildingBlocks.Http.IdempotencyRecord>();
                    return store;
                })
                .IntegrateWithWolverine(integration => integration.MessageStorageSchemaName = ModuleStores.MessagingSchema);
            options.Services.AddResourceSetupOnStartup();

            options.Discovery.IncludeAssembly(typeof(ResidentsModule).Assembly);
            options.Policies.UseAncillaryStorageFromAssemblyContaining<IResidentsStore>(typeof(IResidentsStore));
            options.Discovery.IncludeAssembly(typeof(CareFollowUpModule).Assembly);
            options.Policies.UseAncillaryStorageFromAssemblyContaining<ICareFollowUpStore>(typeof(ICareFollowUpStore));
            options.Discovery.IncludeAssembly(typeof(ServicesModule).Assembly);
            options.Policies.UseAncillaryStorageFromAssemblyContaining<IServicesStore>(typeof(IServicesStore));
            options.Discovery.IncludeAssembly(typeof(CommunityLifeModule).Assembly);
            options.Policies.UseAncillaryStorageFromAssemblyContaining<ICommunityLifeStore>(typeof(ICommunityLifeStore));
            // Built by a factory (its constructor is internal to the module), so the generated handler resolves it from the container.
            options.CodeGeneration.AlwaysUseServiceLocationFor<PriorityCallEscalator>();
        });
}
