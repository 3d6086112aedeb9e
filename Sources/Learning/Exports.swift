// Learning builds on the engine: its users get Tensor and Variable with it.
@_exported import Autodiff
