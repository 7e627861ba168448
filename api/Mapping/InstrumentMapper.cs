using CarbonDerivatives.Api.Errors;
using CarbonDerivatives.Engine.Products;
using Proto = CarbonDerivatives.Protos.V1;

namespace CarbonDerivatives.Api.Mapping;

/// <summary>Proto instruments to engine products, with the trade price of a futures position.</summary>
internal static class InstrumentMapper
{
    /// <summary>The product and, for a future, its entry price; <paramref name="path"/> prefixes field names in errors.</summary>
    public static (IAllowanceInstrument Instrument, double TradePrice) ToDomain(Proto.Instrument? instrument, string path)
    {
        switch (instrument?.KindCase)
        {
            case Proto.Instrument.KindOneofCase.FuturesOption:
                var o = instrument.FuturesOption;
                string optionPath = $"{path}.futures_option";
                var right = o.Right switch
                {
                    Proto.OptionRight.Call => OptionType.Call,
                    Proto.OptionRight.Put => OptionType.Put,
                    _ => throw RpcErrors.InvalidArgument($"{optionPath}.right", "must be OPTION_RIGHT_CALL or OPTION_RIGHT_PUT"),
                };
                return (new FuturesOption(o.Underlying, right, o.Strike, ProtoDates.Parse(o.Expiry, $"{optionPath}.expiry"),
                    ProtoDates.Parse(o.FuturesDelivery, $"{optionPath}.futures_delivery"), o.LotSize, o.Currency), 0);
            case Proto.Instrument.KindOneofCase.Future:
                var f = instrument.Future;
                return (new AllowanceFuture(f.Underlying, ProtoDates.Parse(f.Delivery, $"{path}.future.delivery"), f.LotSize, f.Currency), f.TradePrice);
            default:
                throw RpcErrors.InvalidArgument(path, "is required: futures_option or future");
        }
    }
}
