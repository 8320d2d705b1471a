using MediatR;

namespace BonSecours.BuildingBlocks.Application;

/// <summary>A request that changes state; its handler appends events to one stream.</summary>
public interface ICommand<out TResult> : IRequest<TResult>;

/// <summary>A request that only reads projections or documents.</summary>
public interface IQuery<out TResult> : IRequest<TResult>;
