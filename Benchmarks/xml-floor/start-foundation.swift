// Process start of a Swift program that links Foundation and uses it once (floor.sh: start cost).
import Foundation
let d = Date()
if CommandLine.arguments.count > 5 { print(d) }
