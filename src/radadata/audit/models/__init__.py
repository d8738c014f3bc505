from radadata.audit.models.audits import (
    Audit,
    AuditBody,
    AuditKind,
    Auditor,
    AuditStage,
    AuditState,
    Finding,
    InventoryItem,
    ItemKind,
    Keeping,
    PublicValue,
)
from radadata.audit.models.demand import (
    EmptySearch,
    ListProposal,
    PriorityAdjustment,
    ProposalItem,
    RateHit,
    RequestVote,
    Survey,
    SurveyAnswer,
    SurveyAnswerState,
)

__all__ = [
    "Audit", "AuditBody", "AuditKind", "AuditStage", "AuditState", "Auditor", "EmptySearch",
    "Finding", "InventoryItem", "ItemKind", "Keeping", "ListProposal", "PriorityAdjustment",
    "ProposalItem", "PublicValue", "RateHit", "RequestVote", "Survey", "SurveyAnswer",
    "SurveyAnswerState",
]
